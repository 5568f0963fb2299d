import { Server as HttpsServer } from 'https';
import * as path from 'path';
import { ROOT } from './manifestXml';

// webpack.config.js's dev server: https://localhost:3000/ with the Office development
// certificates, which only a running dev server asks office-addin-dev-certs for.

jest.mock('office-addin-dev-certs', () => ({ getHttpsServerOptions: jest.fn(async () => ({})) }));

interface DevServer {
  host?: string;
  port?: number;
  headers?: Record<string, string>;
  server?: { type?: unknown };
}
type ServerFactory = (options: object, app: unknown) => Promise<unknown>;

// Through jest's registry, so that the config's require('office-addin-dev-certs') gets the mock.
const webpackConfig = () => jest.requireActual(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => { devServer?: DevServer };
const devCerts = () => jest.requireMock('office-addin-dev-certs') as { getHttpsServerOptions: jest.Mock };

describe('the dev server', () => {
  beforeEach(() => devCerts().getHttpsServerOptions.mockClear());

  it('serves https://localhost:3000/ (the manifest\'s address) to Office, from any origin', () => {
    const { devServer } = webpackConfig()({ WEBPACK_SERVE: true }, { mode: 'development' });
    expect(devServer).toMatchObject({ host: 'localhost', port: 3000, headers: { 'Access-Control-Allow-Origin': '*' } });
  });

  it('asks for no certificate while the config is read, for a build or for the dev server', () => {
    webpackConfig()({ WEBPACK_BUNDLE: true, WEBPACK_BUILD: true }, { mode: 'production' });
    webpackConfig()({ WEBPACK_SERVE: true }, { mode: 'development' });
    expect(devCerts().getHttpsServerOptions).not.toHaveBeenCalled();
  });

  it('makes an https server with the Office development certificates when it starts', async () => {
    const { devServer } = webpackConfig()({ WEBPACK_SERVE: true }, { mode: 'development' });
    const type = devServer?.server?.type;
    expect(typeof type).toBe('function');
    const server = await (type as ServerFactory)({}, () => undefined);
    expect(devCerts().getHttpsServerOptions).toHaveBeenCalledTimes(1);
    expect(server).toBeInstanceOf(HttpsServer);
  });
});
