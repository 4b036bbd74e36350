// `cem analyze --litelement` reads this. The element classes' JSDoc (@summary @fires @csspart @cssprop
// @slot) is the documentation; custom-elements.json feeds Storybook's docs and editors' hints.
export default {
  // All of src/, not just src/components/: the shared base classes in src/core/ must be analysed for
  // their attributes and properties to be listed (as inherited) on every element.
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.styles.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // The package.json "customElements" field is already set; never let the analyzer rewrite package.json.
  packagejson: false,
  dependencies: false,
  dev: false,
};
