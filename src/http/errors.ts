/** An error that reaches the client in the API.md shape: {"error":{"code","message","fields"?}}. */
export interface FieldError {
  field: string;
  message: string;
  /** `personal_data_possible`: the words in the field that look like a person's name. */
  words?: string[];
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
  }
}

// Messages are Swedish: the web UI shows them as they are. Scripts read `code`.
export const notFound = (what = 'Posten') => new AppError(404, 'not_found', `${what} finns inte.`);
export const forbidden = () => new AppError(403, 'forbidden', 'Du har inte behörighet att göra detta.');
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'Du behöver logga in.');
export const conflict = (message: string, code = 'conflict') => new AppError(409, code, message);
export const unprocessable = (code: string, message: string, fields?: FieldError[]) =>
  new AppError(422, code, message, fields);
export const badRequest = (message: string, fields?: FieldError[]) => new AppError(400, 'invalid_request', message, fields);
