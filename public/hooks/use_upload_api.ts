import { useMemo } from 'react';
import type { HttpSetup } from '../../types/osd';
import type { Apis } from '../apis';
import { UploadApi } from '../apis/upload_api';
import { useServices } from '../services';

/**
 * The register flow's API client. It prefers `apis.upload` once `createApis` provides it; until
 * then it is built on core's HttpSetup, which the app hands to every API client (the models
 * client holds the same instance), so requests still go through core.http (base path, xsrf).
 */
export function useUploadApi(): UploadApi {
  const services = useServices();
  return useMemo(() => {
    const apis = services.apis as Apis & { upload?: UploadApi };
    if (apis.upload) return apis.upload;
    const http = (services as { http?: HttpSetup }).http || (apis.models as unknown as { http?: HttpSetup }).http;
    if (!http) throw new Error('useUploadApi() found no HttpSetup: add `upload: new UploadApi(http)` to createApis');
    return new UploadApi(http);
  }, [services]);
}
