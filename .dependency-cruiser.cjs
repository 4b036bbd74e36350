/**
 * The import graph of src/ (checked by `npm run test:deps`, part of `npm test`): the layers only
 * import downwards, and nothing imports in a circle.
 *
 *   src/schema      payload shapes, messages, shared rules — imports nothing of ours above it
 *   src/core        element base, config, strings, HTTP client, storage — schema only
 *   src/form        form controller, sender, submission, draft, outbox; form/fields: templates
 *   src/components  one folder per widget — never another widget's folder
 *   server/         beside the widgets: of src/ it imports the schema only
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'schema-imports-nothing-above',
      comment: 'src/schema is the bottom layer (the server imports it too): it may not import core, form or components.',
      severity: 'error',
      from: { path: '^src/schema/' },
      to: { path: '^src/(core|form|components)/' },
    },
    {
      name: 'core-not-form-or-components',
      comment: 'src/core sits under the form layer and the widgets: it may import src/schema only.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(form|components)/' },
    },
    {
      name: 'form-not-components',
      comment: 'src/form serves the widgets; a widget plugs into it through FormSpec and hooks, never the reverse.',
      severity: 'error',
      from: { path: '^src/form/' },
      to: { path: '^src/components/' },
    },
    {
      name: 'fields-are-templates',
      comment: 'src/form/fields renders; it may not import the form logic above it (controller, sender, draft…).',
      severity: 'error',
      from: { path: '^src/form/fields/' },
      to: { path: '^src/form/[^/]+$' },
    },
    {
      name: 'widgets-apart',
      comment: 'One widget folder never imports another widget folder (each bundle stands alone).',
      severity: 'error',
      from: { path: '^src/components/([^/]+)/' },
      to: { path: '^src/components/', pathNot: '^src/components/$1/' },
    },
    {
      name: 'server-uses-schema-only',
      comment: 'The reference endpoint shares the contract (src/schema) with the widgets, nothing browser-side.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^src/(core|form|components)/' },
    },
    {
      name: 'no-circular',
      comment: 'No module imports itself through others (type-only imports erase at run time and do not count).',
      severity: 'error',
      from: { path: '^(src|server)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: false,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
};
