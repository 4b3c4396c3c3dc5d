/**
 * Import boundaries (PRODUCT.md "Boundaries"), checked in the test command:
 *  - appliance never imports electron or src-*;
 *  - src-renderer imports no Node modules and nothing from the appliance but appliance/src/protocol;
 *  - src-renderer may take *types* from src-preload (the shape of window.repConsole), nothing else;
 *  - src-main reaches the appliance only through its public entry (appliance/src/index.ts).
 */
module.exports = {
  forbidden: [
    {
      name: 'appliance-no-electron-or-shells',
      severity: 'error',
      from: { path: '^appliance/' },
      to: { path: '^(src-main|src-preload|src-renderer)/|(^|/)node_modules/electron/' },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-node-packages',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: 'node_modules/(electron|ws|better-sqlite3|node-pty|keytar|fastify|pino|@fastify)/' },
    },
    {
      name: 'renderer-only-protocol-from-appliance',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: '^appliance/', pathNot: '^appliance/src/protocol/' },
    },
    {
      name: 'renderer-only-types-from-preload',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: '^src-preload/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-not-main',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: '^src-main/' },
    },
    {
      name: 'main-only-appliance-entry',
      comment: 'Exceptions: the rep-console CLI (src-main/cli/, next rule) and the .brcs handler (src-main/logic/brcs-session.ts) read scripts with the shared BRCS parser and interpreter (pure protocol code); the update feed generator is shared with the appliance (pure, node:crypto). Neither loads the appliance itself.',
      severity: 'error',
      from: { path: '^src-main/', pathNot: '^src-main/cli/' },
      to: { path: '^appliance/', pathNot: '^appliance/src/(index\\.ts$|protocol/brcs/|domain/update-feed\\.ts$)' },
    },
    {
      name: 'main-cli-only-brcs-protocol',
      severity: 'error',
      from: { path: '^src-main/cli/' },
      to: { path: '^appliance/', pathNot: '^appliance/src/(index\\.ts$|protocol/brcs/)' },
    },
    {
      name: 'protocol-is-pure',
      comment: 'The protocol module is shared with the renderer: no Node built-ins, no appliance internals.',
      severity: 'error',
      from: { path: '^appliance/src/protocol/' },
      to: { pathNot: '^appliance/src/protocol/|node_modules/zod/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(out|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.svelte', '.mjs', '.cjs', '.json'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    skipAnalysisNotInRules: false,
  },
};
