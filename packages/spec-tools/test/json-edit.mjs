// Applies a golden case's `edit` list to a copy of a document: `set` (create or replace), `add`
// (`/-` appends to an array) and `remove`, each at a JSON pointer. Throws naming the pointer it cannot follow.
const parse = (pointer) =>
  pointer
    .split("/")
    .slice(1)
    .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"));

export function applyEdits(document, edits) {
  const doc = structuredClone(document);
  for (const edit of edits) {
    const pointer = edit.set ?? edit.add ?? edit.remove;
    const parts = parse(pointer);
    const last = parts.pop();
    const parent = parts.reduce((node, key) => {
      if (node?.[key] === undefined) throw new Error(`edit ${pointer}: nothing at ${key}`);
      return node[key];
    }, doc);
    if ("remove" in edit) {
      if (!(last in parent)) throw new Error(`edit ${pointer}: nothing to remove`);
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if ("add" in edit && Array.isArray(parent)) {
      parent.splice(last === "-" ? parent.length : Number(last), 0, edit.value);
    } else {
      parent[last] = edit.value;
    }
  }
  return doc;
}
