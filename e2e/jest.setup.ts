// Browser tests start a server and a browser: far slower than unit tests. (testTimeout in a project's
// config is ignored when jest runs several projects, so it is set here.)
jest.setTimeout(90_000);
