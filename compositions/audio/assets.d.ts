// Audio files imported from compositions: Remotion's webpack config emits them
// as assets and the import is the file's URL (for <Audio src>).
declare module '*.m4a' {
  const src: string;
  export default src;
}
