/** What the operation model cannot interpret in the spec: the message names the operation (or place) and what is wrong. */
export class ModelError extends Error {
  override name = "ModelError";
  /** The operationId (or, before one is known, the method and path) the problem is in. */
  readonly where: string;
  /** What is wrong there. */
  readonly problem: string;

  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`);
    this.where = where;
    this.problem = problem;
  }
}
