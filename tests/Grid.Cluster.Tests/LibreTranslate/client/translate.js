// Calls Grid through the npm 'libretranslate' package, as an application using that package would.
// Usage: node translate.js <url> <apiKey> <source> <json of q>; prints {"translatedText": ...} or {"error": ...}.
const { translate } = require("libretranslate");

const [url, apiKey, source, q] = process.argv.slice(2);
translate({ query: JSON.parse(q), source, target: "en", apiurl: url, apiKey })
  .then((translatedText) => console.log(JSON.stringify({ translatedText })))
  .catch((error) => { console.log(JSON.stringify({ error: String(error) })); process.exitCode = 1; });
