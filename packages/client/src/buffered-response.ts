/**
 * A Response whose body the pipeline has already read (long integers quoted): the status, headers and
 * url of the answer, and a body served from memory. Reading it as text or JSON costs nothing — building
 * a Response from a string and reading it back costs tens of µs in undici, more than the rest of the
 * client — and it can be read more than once (a middleware that forgot to clone() does not break the call).
 */
export class BufferedResponse extends Response {
  readonly #text: string;
  readonly #url: string;
  #body?: ReadableStream<Uint8Array> | null;

  /** `from`: the answer read (a Response, or its status, statusText, headers and url). */
  constructor(text: string, from: Pick<Response, "status" | "statusText" | "headers" | "url">) {
    super(null, from);
    this.#text = text;
    this.#url = from.url;
  }

  /** The text of a BufferedResponse, undefined for any other Response. */
  static textOf(response: Response): string | undefined {
    return #text in response ? (response as BufferedResponse).#text : undefined;
  }

  override text(): Promise<string> {
    return Promise.resolve(this.#text);
  }
  override json(): Promise<unknown> {
    return new Promise((resolve) => resolve(JSON.parse(this.#text)));
  }
  override clone(): Response {
    return new BufferedResponse(this.#text, this);
  }

  static {
    const real = (self: BufferedResponse) => new Response(self.#text || null, self);
    // What else reads a body (blob, arrayBuffer, a stream…) gets a Response built from the text, only when asked.
    // Accessors go on the prototype: the DOM types declare `url` and `body` as properties, which a class cannot override with a getter.
    const proto = BufferedResponse.prototype as unknown as Record<string, unknown>;
    for (const name of ["arrayBuffer", "blob", "bytes", "formData"])
      proto[name] = function (this: BufferedResponse) {
        return (real(this) as unknown as Record<string, () => unknown>)[name]();
      };
    Object.defineProperties(proto, {
      url: {
        get: function (this: BufferedResponse) {
          return this.#url;
        },
      },
      body: {
        get: function (this: BufferedResponse) {
          if (this.#body === undefined) this.#body = real(this).body;
          return this.#body;
        },
      },
    });
  }
}
