// ESM-only packages (NestJS 12's file-type chain, feedsmith, request-filtering-agent, …) and PGlite's
// CommonJS build (it calls dynamic import()) must pass through swc; jest on Node 20 cannot load them raw.
const esmPackages = [
  '@fastify/cookie',
  'content-disposition',
  'content-disposition',
  'content-disposition',
  'content-disposition',
  'content-disposition',
  'content-disposition',
  'content-disposition',
  'content-disposition',
  'content-disposition',
  'content-disposition',
  '@nestjs', 'file-type', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras', '@standard-schema',
  '@electric-sql', 'feedsmith', 'request-filtering-agent', 'cookie', 'entities', 'htmlparser2',
  'domhandler', 'domutils', 'dom-serializer', 'eld', 'nodemailer', 'smtp-server', 'axios',
];

module.exports = {
  displayName: 'backend',
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.(t|j|mj|cj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs', ignoreDynamic: false },
      },
    ],
  },
  // Only the innermost node_modules counts, so nested copies of ESM packages are transformed too.
  transformIgnorePatterns: [`/node_modules/(?!.*/node_modules/)(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  setupFilesAfterEnv: ['<rootDir>/jest.setup.ts'],
  moduleNameMapper: {
    '^@welcome-ruhr/contracts$': '<rootDir>/../libs/contracts/src/index.ts',
  },

};
