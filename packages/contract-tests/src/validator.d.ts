declare module "@tikhubapi/spec/validator" {
  export function loadSpec(): any;
  export function operationsOf(spec: any): Array<{ method: string; path: string; operation: any }>;
  export function deref(spec: any, node: unknown): any;
  /** A schema and every schema it combines (allOf / oneOf / anyOf), $refs followed, flattened. */
  export function expand(spec: any, node: unknown): any[];
  export function createSpecValidator(spec?: any): {
    spec: any;
    validateResponse(operationId: string, status: number | string, body: unknown): { valid: boolean; errors: string[] };
    validateAt(ref: string, value: unknown): { valid: boolean; errors: string[] };
    responseSchemaRef(operationId: string, status: number | string): string;
  };
}
