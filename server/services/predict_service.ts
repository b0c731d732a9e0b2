import type { PredictFunction } from '../../common/ml_commons';
import type { PredictBody, PredictResponse } from '../../common/types';
import { readUpstreamError } from '../lib/errors';
import { ML_API, MlService, seg } from './ml_api';

/** A model id no model has: the permission probe's predict must find nothing to run. */
export const PERMISSION_PROBE_MODEL_ID = 'mlm-predict-permission-probe';

export class PredictService extends MlService {
  /**
   * Whether the cluster lets the caller run predictions at all. The Security plugin checks
   * `cluster:admin/opensearch/ml/predict` before ML Commons looks the model up, so a predict on a
   * model that does not exist answers 403 without that permission and another error (404, or
   * 500 before any model index exists) with it; nothing runs either way. `_predict/{function}/{id}`
   * because `models/{id}/_predict` looks the model up before the permission check. Throws when
   * the cluster cannot be asked.
   */
  async mayPredict(): Promise<boolean> {
    try {
      await this.send('POST', `${ML_API}/_predict/text_embedding/${PERMISSION_PROBE_MODEL_ID}`, { text_docs: ['permission probe'] });
      return true;
    } catch (err) {
      const upstream = readUpstreamError(err);
      if (!upstream) throw err;
      return upstream.statusCode !== 403;
    }
  }

  /** `_predict/{function}/{id}`: the function picks ML Commons' input parser. */
  predict(functionName: PredictFunction, modelId: string, body: PredictBody): Promise<PredictResponse> {
    return this.send('POST', `${ML_API}/_predict/${seg(functionName)}/${seg(modelId)}`, body);
  }
}
