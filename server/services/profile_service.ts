import type { ModelProfileResponse, NodeProfileResponse } from '../../common/types';
import { ML_API, MlService } from './ml_api';

export class ProfileService extends MlService {
  /** Per model: target and worker nodes. A model deployed nowhere is absent (ML Commons answers `{}`). */
  models(modelIds?: string[]): Promise<ModelProfileResponse> {
    const ids = modelIds?.length ? `/${modelIds.map(encodeURIComponent).join(',')}` : '';
    return this.send('GET', `${ML_API}/profile/models${ids}`, undefined, { view: 'model' });
  }

  /** Per node: the models it holds. */
  nodes(): Promise<NodeProfileResponse> {
    return this.send('GET', `${ML_API}/profile/models`, undefined, { view: 'node' });
  }
}
