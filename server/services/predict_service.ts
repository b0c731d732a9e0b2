import type { PredictFunction } from '../../common/ml_commons';
import type { PredictBody, PredictResponse } from '../../common/types';
import { ML_API, MlService, seg } from './ml_api';

export class PredictService extends MlService {
  /** `_predict/{function}/{id}`: the function picks ML Commons' input parser. */
  predict(functionName: PredictFunction, modelId: string, body: PredictBody): Promise<PredictResponse> {
    return this.send('POST', `${ML_API}/_predict/${seg(functionName)}/${seg(modelId)}`, body);
  }
}
