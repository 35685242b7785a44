// The coverage matrix: operation × documented status, with totals per section.
import { type ContractOperation, STATUSES } from "./operations.js";

export type CaseKey = `${string} ${number}`;

export class CoverageMatrix {
  readonly passed = new Set<CaseKey>();
  constructor(readonly operations: ContractOperation[]) {}

  record(operationId: string, status: number): void {
    this.passed.add(`${operationId} ${status}`);
  }

  missing(): CaseKey[] {
    return this.operations.flatMap((op) => STATUSES.map((s) => `${op.id} ${s}` as CaseKey)).filter((key) => !this.passed.has(key));
  }

  render(): string {
    const header = ["operation".padEnd(28), ...STATUSES.map((s) => String(s).padStart(4))].join(" ");
    const rows = this.operations.map((op) => [op.id.padEnd(28), ...STATUSES.map((s) => (this.passed.has(`${op.id} ${s}`) ? "   ✓" : "   ✗"))].join(" "));
    const sections = [...new Set(this.operations.map((op) => op.section))].map((section) => {
      const ops = this.operations.filter((op) => op.section === section);
      const done = ops.reduce((n, op) => n + STATUSES.filter((s) => this.passed.has(`${op.id} ${s}`)).length, 0);
      return `${section.padEnd(8)} ${done}/${ops.length * STATUSES.length} cases`;
    });
    const total = this.operations.length * STATUSES.length;
    return [header, ...rows, "", ...sections, `total    ${total - this.missing().length}/${total} cases`].join("\n");
  }
}
