/** A refusal the API answers with `{ error: { code, message } }` and this status; services throw it too. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, readonly reason: string) {
    super(code);
  }
}
