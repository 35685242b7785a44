// `@tikhubapi/mock/msw`: DEPRECATED, kept for one release. The handlers moved to @tikhubapi/msw
// (no Prism in its install); this entry bundles that package's build unchanged (msw stays external).
export * from "@tikhubapi/msw";
