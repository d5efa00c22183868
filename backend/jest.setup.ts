// Tests on a real database (a PGlite per test file, or a throwaway database on a server) need more than
// jest's 5 s default; set here because a project's testTimeout is ignored when jest runs several projects.
jest.setTimeout(30_000);
