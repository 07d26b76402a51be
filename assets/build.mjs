// `make css`: the site's slim Bootstrap, written under static/vendor/bootstrap/ and committed, so the portal runs
// and tests without node. PurgeCSS keeps the rules the site uses (assets/purgecss.config.cjs); esbuild minifies the
// CSS and bundles Bootstrap's Collapse plugin alone (assets/collapse.js).
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as esbuild from "esbuild";
import { PurgeCSS } from "purgecss";

const require = createRequire(import.meta.url);
const config = require("./purgecss.config.cjs");
const version = require("bootstrap/package.json").version;
const outDir = "static/vendor/bootstrap";
const banner = `/* Bootstrap v${version} (MIT, https://getbootstrap.com), only the rules this site uses: built by make css. */`;

mkdirSync(outDir, { recursive: true });
const [purged] = await new PurgeCSS().purge(config);
const css = await esbuild.transform(purged.css, { loader: "css", minify: true, legalComments: "none" });
writeFileSync(`${outDir}/bootstrap.min.css`, `${banner}\n${css.code}`);

await esbuild.build({
  entryPoints: ["assets/collapse.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2019",
  legalComments: "none",
  banner: { js: banner },
  outfile: `${outDir}/collapse.min.js`,
});
console.log(`Bootstrap ${version}: ${outDir}/bootstrap.min.css and ${outDir}/collapse.min.js`);
