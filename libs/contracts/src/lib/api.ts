/** One problem with one field of a request body or query. */
export interface FieldProblem {
  field: string;
  problem: string;
}

/** The body of every error response. */
export interface ApiError {
  statusCode: number;
  /** Stable machine-readable code, e.g. `VALIDATION_FAILED`, `INVALID_CREDENTIALS`. */
  code: string;
  /** A sentence a person can act on. */
  message: string;
  fields?: FieldProblem[];
  requestId?: string;
}

export interface HealthResponse {
  status: 'ok' | 'error';
  database: { status: 'up' | 'down'; driver: 'pglite' | 'postgres'; latencyMs: number | null; error?: string };
  version: string;
  uptimeSeconds: number;
}
