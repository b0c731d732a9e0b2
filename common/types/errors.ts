/** Error body every route answers with (OSD's Boom shape); `attributes` carries ML Commons' own. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  attributes?: {
    /** ML Commons' `error.type`, e.g. `illegal_argument_exception`. */
    type?: string;
    /** ML Commons' `error.reason`, shown to the user verbatim. */
    reason?: string;
    /** The field of the request that failed validation. */
    field?: string;
    /** Native inference's machine-readable failure, e.g. `model_not_cached`, `queue_full`. */
    code?: string;
  };
}
