/** An error caused by the user's input (arguments, files): printed without a stack trace. */
export class UserError extends Error {
  constructor(message: string, public readonly exitCode = 1) {
    super(message);
    this.name = "UserError";
  }
}
