// Calls Grid through the npm 'libretranslate-ts' SDK, as an application using it would.
// Usage: node sdk.js <url> <apiKey> languages | detect <text> | translate <text> <source>
// Prints what the SDK's call resolved to, as JSON.
const { libreTranslate } = require("libretranslate-ts");

const [url, apiKey, call, text, source] = process.argv.slice(2);
libreTranslate.setApiEndpoint(url);
libreTranslate.setApiKey(apiKey);
const calls = {
  languages: () => libreTranslate.listLanguages(),
  detect: () => libreTranslate.detect(text),
  translate: () => libreTranslate.translate(text, source, "en"),
};
calls[call]()
  .then((answer) => console.log(JSON.stringify(answer)))
  .catch((error) => { console.log(JSON.stringify({ error: String(error) })); process.exitCode = 1; });
