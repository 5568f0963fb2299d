// The task pane: dist/taskpane.html (the page Office opens, with office.js) and dist/index.html
// (the same pane in a plain browser). React and Fluent UI's provider in the first chunk; each
// view (the file chooser, the Excel pane, the Word pane) in a chunk of its own, loaded for the
// host the page finds itself in; the engine and its workbook reader (SheetJS) when a workbook is chosen, the .docx
// writer when the sections are first downloaded. The Node command is built by tsc, not here.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const root = __dirname;

module.exports = (_env, argv) => {
  const production = (argv && argv.mode) !== 'development';
  return {
    mode: production ? 'production' : 'development',
    target: 'web',
    context: root,
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.join(root, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      // Chunks sit beside taskpane.html and load relative to it, from any folder or server path.
      // (Not 'auto': its runtime finds the global object with `new Function` where there is no globalThis.)
      publicPath: '',
      clean: true,
    },
    // No eval anywhere: a Content-Security-Policy with script-src 'self' must hold.
    devtool: 'source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // webpack 5 polyfills no Node core modules; nothing in the pane may need one.
      fallback: { fs: false, path: false, os: false, stream: false, zlib: false, crypto: false, buffer: false, util: false, child_process: false },
    },
    module: {
      // SheetJS's prebuilt mini build: nothing to parse, nothing to resolve.
      noParse: /[\\/]@e965[\\/]xlsx[\\/]dist[\\/]/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: {
            configFile: path.join(root, 'tsconfig.web.json'),
            // Types are checked by `npm run typecheck`; ESM output lets webpack tree-shake Fluent UI.
            transpileOnly: true,
            compilerOptions: { module: 'esnext', sourceMap: true },
          },
        },
      ],
    },
    plugins: [
      // The page Office opens (manifest.xml), with office.js in its head as Microsoft documents …
      new HtmlWebpackPlugin({
        title: 'Budgetkoll',
        filename: 'taskpane.html',
        template: path.join(root, 'src/taskpane/taskpane.html'),
        scriptLoading: 'defer',
        inject: 'head',
        officeJs: true,
      }),
      // … and the same pane for a plain browser, which loads nothing from another origin.
      new HtmlWebpackPlugin({
        title: 'Budgetkoll',
        filename: 'index.html',
        template: path.join(root, 'src/taskpane/taskpane.html'),
        scriptLoading: 'defer',
        inject: 'head',
        officeJs: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'manifest.xml', to: 'manifest.xml', noErrorOnMissing: true },
          // The help page the manifest names (SupportUrl): plain HTML, no script.
          { from: 'src/taskpane/hjalp.html', to: 'hjalp.html' },
          { from: 'assets', to: 'assets', noErrorOnMissing: true, globOptions: { ignore: ['**/.gitkeep'] } },
        ],
      }),
    ],
    performance: {
      // The first load (taskpane.html's scripts) stays small; the engine chunk is big and loads on demand.
      hints: production ? 'warning' : false,
      assetFilter: (name) => /^taskpane\..*\.js$/.test(name),
      maxAssetSize: 600 * 1024,
      maxEntrypointSize: 600 * 1024,
    },
    // No `global` shim: webpack's needs `new Function` where there is no globalThis, and every browser has one.
    node: { global: false, __filename: false, __dirname: false },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // Named chunks, so that what loads when can be read from dist/.
          // SheetJS (@e965/xlsx), the reader, stays in the engine's chunk (webpack's default vendors
          // group, as it is but for SheetJS): both load when the first workbook is chosen, and a chunk
          // of its own would add its name and hash to the first load.
          defaultVendors: { test: /[\\/]node_modules[\\/](?!@e965[\\/]xlsx[\\/])/i, priority: -10, reuseExistingChunk: true },
          decimal: { test: /[\\/]node_modules[\\/]decimal\.js[\\/]/, name: 'decimal', chunks: 'async', priority: 20, enforce: true },
        },
      },
    },
    // `npm run dev-server` (and `npm start`): https://localhost:3000/, the address in manifest.xml.
    devServer: {
      static: { directory: path.join(root, 'dist') },
      host: 'localhost',
      port: 3000,
      open: false,
      client: { overlay: true },
      headers: { 'Access-Control-Allow-Origin': '*' },
      // https with the Office development certificates (office-addin-dev-certs makes and trusts
      // them the first time). A function the dev server calls when it starts: building
      // (`webpack --mode production`) never touches a certificate.
      server: {
        type: async (options, app) => {
          const { getHttpsServerOptions } = require('office-addin-dev-certs');
          const { ca, cert, key } = await getHttpsServerOptions();
          return require('https').createServer({ ...options, ca, cert, key }, app);
        },
      },
    },
  };
};
