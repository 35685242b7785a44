// openapi-react-query over tikhub.raw (openapi-fetch's own client, on the client's pipeline), in
// React 19 with TanStack React Query, as its documentation shows; type-checked with tsc --strict.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTikHubClient, isSuccess } from "@tikhubapi/client";
import createQueryClient from "openapi-react-query";
import { useEffect } from "react";
import { createRoot } from "react-dom/client";
import { describe, HOST, ROOM, report } from "./shared.js";

const tikhub = createTikHubClient({ baseUrl: "/api/tikhub" });
const seen: string[] = [];
tikhub.raw.use({ onRequest: ({ schemaPath }) => void seen.push(schemaPath) });
const $api = createQueryClient(tikhub.raw);

function Room() {
  const { data, error, status } = $api.useQuery("get", "/live/info", { params: { query: { room_id: ROOM, user_id: HOST } } });
  const title = isSuccess(data) ? data.data.data.title : undefined;
  useEffect(() => {
    if (status !== "pending") report({ status, title, rendered: document.getElementById("title")?.textContent, error: error ? describe(error) : null, seen });
  }, [status, title, error]);
  return <h1 id="title">{title ?? status}</h1>;
}

const root = document.getElementById("root");
if (!root) throw new Error("the page has no #root");
createRoot(root).render(
  <QueryClientProvider client={new QueryClient()}>
    <Room />
  </QueryClientProvider>,
);
