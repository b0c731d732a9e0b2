import type { PredictFunction } from '../../common/ml_commons';
import { routePath } from '../../common/routes';
import type { PredictBody, PredictResponse } from '../../common/types';
import type { HttpSetup } from '../../types/osd';

export class PredictApi {
  constructor(private readonly http: HttpSetup) {}

  predict(functionName: PredictFunction, modelId: string, body: PredictBody, signal?: AbortSignal): Promise<PredictResponse> {
    return this.http.post<PredictResponse>(routePath('predict', { functionName, modelId }), {
      body: JSON.stringify(body),
      signal,
    });
  }
}
