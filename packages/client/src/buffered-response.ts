/**
 * A Response whose body the pipeline has already read (long integers quoted): the status, headers and
 * url of the answer, and a body served from memory. Reading it costs nothing — building a Response
 * from a string and reading it back costs tens of µs in undici, more than the rest of the client —
 * and it can be read more than once (a middleware that forgot to clone() does not break the call).
 */
export class BufferedResponse extends Response {
  readonly #text: string;
  readonly #url: string;
  #stream?: ReadableStream<Uint8Array> | null;

  /** `from`: the answer read (a Response, or its status, statusText, headers and url). */
  constructor(text: string, from: Pick<Response, "status" | "statusText" | "headers" | "url">) {
    super(null, { status: from.status, statusText: from.statusText, headers: from.headers });
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
  override json(): Promise<any> {
    return new Promise((resolve) => resolve(JSON.parse(this.#text)));
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(new TextEncoder().encode(this.#text).buffer as ArrayBuffer);
  }
  override blob(): Promise<Blob> {
    return Promise.resolve(new Blob([this.#text], { type: this.headers.get("content-type") ?? "" }));
  }
  override clone(): Response {
    return new BufferedResponse(this.#text, this);
  }

  static {
    // Accessors on the prototype (the DOM types declare these as properties, which a class cannot override with a getter).
    Object.defineProperties(BufferedResponse.prototype, {
      url: {
        get(this: BufferedResponse) {
          return this.#url;
        },
      },
      body: {
        get(this: BufferedResponse) {
          if (this.#stream === undefined) this.#stream = this.#text ? new Response(this.#text).body : null;
          return this.#stream;
        },
      },
    });
  }
}
