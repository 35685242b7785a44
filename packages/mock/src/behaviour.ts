// `@tikhubapi/mock/behaviour`: the runtime-neutral behaviour core, bundled from the private workspace
// package @tikhubapi/mock-behaviour (which @tikhubapi/msw bundles too). See packages/mock-behaviour.
export * from "@tikhubapi/mock-behaviour";
