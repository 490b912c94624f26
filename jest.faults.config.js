// Fault tests (`npm run test:faults`): slow, process-killing and server-restarting, so apart from `npm test`.
const base = require('./jest.config');

const e2e = base.projects.find((project) => project.displayName === 'e2e');

module.exports = {
  ...e2e,
  displayName: 'faults',
  testMatch: ['<rootDir>/test/faults/*.fault-spec.ts'],
  testTimeout: 420000,
};
