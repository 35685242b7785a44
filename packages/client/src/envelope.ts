// What a resource method makes of an answer: the `{code, msg, data}` envelope's data, or the typed error it means.
import { answerError, type Hide } from "./answer.js";
import { parseJson } from "./lossless-json.js";

/** `quoted`: the text's long integers are quoted already (the pipeline's BufferedResponse), so JSON.parse alone reads it. */
export function unwrap(call: string, response: Response, text: string, quoted: boolean, hide: () => Hide): unknown {
  let body: unknown;
  try {
    body = quoted ? JSON.parse(text) : parseJson(text);
  } catch {}
  const envelope =
    Object(body) === body && !Array.isArray(body) && ("code" in (body as object) || "data" in (body as object))
      ? (body as { code?: unknown; data?: unknown })
      : undefined;
  if (response.ok && envelope && (envelope.code === 0 || envelope.code === undefined)) return envelope.data;
  throw answerError(call, response, body, envelope !== undefined, text, hide());
}
