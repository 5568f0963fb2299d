/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // tsconfig.json plus JSX for the task pane's components (ts-jest only transpiles here:
  // isolatedModules; the types are checked by `npm run typecheck`). One ts-jest entry only:
  // ts-jest shares its first configuration among all its entries in a worker.
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: { jsx: 'react-jsx' } }] },
  testTimeout: 60000,
};
