// Type check only (tsc --strict, not run): swr-openapi takes tikhub.raw where it expects openapi-fetch's Client<paths>.
import { createTikHubClient } from "@tikhubapi/client";
import { createQueryHook } from "swr-openapi";

const tikhub = createTikHubClient({ baseUrl: "/api/tikhub" });
export const useTikHubQuery = createQueryHook(tikhub.raw, "tikhub");
export const useRoom = () => useTikHubQuery("/live/info", { params: { query: { room_id: "1", user_id: "2" } } });
