// The request samples of the reference page (x-codeSamples: lang, label, source), one small template per
// language, filled from an operation of the model (@tikhubapi/spec/model): its path, its required query
// parameters and their examples, and the client's and CLI's names for it, as the packages derive them.
// Nothing here knows an operation by name. Every sample reads TIKHUB_USERNAME / TIKHUB_PASSWORD, calls
// BASE_URL and prints the answer; replacing BASE_URL by a mock's URL is all it takes to run it there.
import { buildModel } from "@tikhubapi/spec/model";
import { DEFAULT_BASE_URL } from "@tikhubapi/spec/runtime";

export const BASE_URL = DEFAULT_BASE_URL;

/** The languages, in the order the page shows them. `executed: false` marks the one no test can run here. */
export const LANGUAGES = [
  { id: "curl", lang: "shell", label: "curl", executed: true },
  { id: "typescript", lang: "typescript", label: "TypeScript (@tikhubapi/client)", executed: true },
  { id: "cli", lang: "shell", label: "CLI (tikhub)", executed: true },
  { id: "python", lang: "python", label: "Python (requests)", executed: true },
  { id: "java", lang: "java", label: "Java (java.net.http)", executed: true },
  { id: "swift", lang: "swift", label: "Swift (URLSession, not executed)", executed: false },
];

/** The value a sample sends for a parameter: its example, else its default or first enum value. */
function exampleOf(parameter, operationId) {
  const value = [parameter.example, parameter.default, parameter.enum?.[0]].find((v) => v !== undefined);
  if (value === undefined) throw new Error(`${operationId}: required parameter ${parameter.name} has no example to put in the code samples`);
  if (typeof value !== "string" && typeof value !== "number")
    throw new Error(`${operationId}: parameter ${parameter.name} has a ${typeof value} example; samples support strings and numbers`);
  return value;
}

/** The sample's query: the operation's required parameters with their examples ({ name, flag, value, type }). */
const queryOf = (op) =>
  op.params
    .filter((p) => p.required)
    .map((p) => ({ name: p.name, flag: p.flag, value: exampleOf(p, op.id), type: p.type === "integer" || p.type === "number" ? "number" : "string" }));

const queryString = (query) => query.map((q) => `${encodeURIComponent(q.name)}=${encodeURIComponent(String(q.value))}`).join("&");
const urlOf = (path, query) => `${BASE_URL}${path}${query.length ? `?${queryString(query)}` : ""}`;
const shellQuote = (text) => (/^[A-Za-z0-9_./:@%+=,-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`);
/** A double-quoted literal valid in TypeScript, Python, Java and Swift for the strings samples carry. */
const quoted = (text) => JSON.stringify(text);
const literal = (q) => (q.type === "number" ? String(q.value) : quoted(String(q.value)));
const identifierOr = (name) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : quoted(name));

const templates = {
  curl: ({ path, query }) =>
    [`curl --fail-with-body --silent --show-error \\`, `  --user "$TIKHUB_USERNAME:$TIKHUB_PASSWORD" \\`, `  ${shellQuote(urlOf(path, query))}`, ""].join("\n"),

  typescript: ({ query, client, hasParameters }) =>
    [
      `import { createTikHubClient } from "@tikhubapi/client";`,
      "",
      "const tikhub = createTikHubClient({",
      `  baseUrl: ${quoted(BASE_URL)},`,
      "  username: process.env.TIKHUB_USERNAME,",
      "  password: process.env.TIKHUB_PASSWORD,",
      "});",
      "",
      "// Resolves to the answer's `data`; failures throw typed errors.",
      // A method of an operation with parameters takes an object, even when none is required.
      `const data = await tikhub.${client.namespace}.${client.method}(${
        query.length ? `{ ${query.map((q) => `${identifierOr(q.name)}: ${literal(q)}`).join(", ")} }` : hasParameters ? "{}" : ""
      });`,
      "console.log(JSON.stringify(data, null, 2));",
      "",
    ].join("\n"),

  cli: ({ query, cli }) =>
    [
      "# npm install -g @tikhubapi/cli; credentials come from TIKHUB_USERNAME and TIKHUB_PASSWORD.",
      "# Prints the answer's `data` as JSON.",
      [`tikhub ${cli.section} ${cli.command}`, ...query.map((q) => `--${q.flag} ${shellQuote(String(q.value))}`), `--base-url ${BASE_URL}`].join(" \\\n  "),
      "",
    ].join("\n"),

  python: ({ path, query }) =>
    [
      "import os",
      "",
      "import requests",
      "",
      "response = requests.get(",
      `    ${quoted(BASE_URL + path)},`,
      ...(query.length ? [`    params={${query.map((q) => `${quoted(q.name)}: ${literal(q)}`).join(", ")}},`] : []),
      `    auth=(os.environ["TIKHUB_USERNAME"], os.environ["TIKHUB_PASSWORD"]),`,
      "    timeout=60,",
      ")",
      "response.raise_for_status()",
      "print(response.text)",
      "",
    ].join("\n"),

  java: ({ path, query, className }) =>
    [
      "import java.net.URI;",
      "import java.net.http.HttpClient;",
      "import java.net.http.HttpRequest;",
      "import java.net.http.HttpResponse;",
      "import java.nio.charset.StandardCharsets;",
      "import java.util.Base64;",
      "",
      `public class ${className} {`,
      "    public static void main(String[] args) throws Exception {",
      `        String credentials = System.getenv("TIKHUB_USERNAME") + ":" + System.getenv("TIKHUB_PASSWORD");`,
      "        HttpRequest request = HttpRequest.newBuilder()",
      `            .uri(URI.create(${quoted(urlOf(path, query))}))`,
      `            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))`,
      "            .GET()",
      "            .build();",
      "        HttpClient client = HttpClient.newHttpClient();",
      "        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());",
      "        System.out.println(response.body());",
      "        if (response.statusCode() != 200) System.exit(1);",
      "    }",
      "}",
      "",
    ].join("\n"),

  swift: ({ path, query }) =>
    [
      "// Not executed by our tests (no Swift toolchain on the build machines); the other languages are.",
      "import Foundation",
      "#if canImport(FoundationNetworking)",
      "import FoundationNetworking",
      "#endif",
      "",
      `var components = URLComponents(string: ${quoted(BASE_URL + path)})!`,
      ...(query.length
        ? ["components.queryItems = [", ...query.map((q) => `    URLQueryItem(name: ${quoted(q.name)}, value: ${quoted(String(q.value))}),`), "]"]
        : []),
      "let env = ProcessInfo.processInfo.environment",
      `let credentials = Data("\\(env["TIKHUB_USERNAME"] ?? ""):\\(env["TIKHUB_PASSWORD"] ?? "")".utf8).base64EncodedString()`,
      "var request = URLRequest(url: components.url!)",
      `request.setValue("Basic \\(credentials)", forHTTPHeaderField: "Authorization")`,
      "",
      "let (data, _) = try await URLSession.shared.data(for: request)",
      "print(String(decoding: data, as: UTF8.self))",
      "",
    ].join("\n"),
};

/** The Java class a sample declares (liveGetInfo → LiveGetInfo); its file must be named after it. */
export function javaClassName(operationId) {
  const name = operationId.charAt(0).toUpperCase() + operationId.slice(1);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`${operationId}: not usable as a Java class name`);
  return name;
}

/** x-codeSamples of one operation of the model; throws an Error naming the operation where the spec lacks what a sample needs. */
export function codeSamplesOf(op) {
  const context = {
    path: op.path,
    query: queryOf(op),
    hasParameters: op.params.length > 0,
    client: { namespace: op.namespace, method: op.method },
    cli: { section: op.namespace, command: op.cliCommand },
    className: javaClassName(op.id),
  };
  return LANGUAGES.map(({ id, lang, label }) => ({ lang, label, source: templates[id](context) }));
}

/** A copy of the spec with x-codeSamples on every operation (the input is left as it is); a ModelError names an operation the model cannot read. */
export function withCodeSamples(spec) {
  const copy = structuredClone(spec);
  for (const op of buildModel(copy)) copy.paths[op.path].get["x-codeSamples"] = codeSamplesOf(op);
  return copy;
}
