// presets.json is validated by presetSchema when loaded (see index.ts), so its static type is unknown.
declare module '*/presets.json' {
  const presets: unknown;
  export default presets;
}
