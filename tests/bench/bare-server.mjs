// (a) of the page bench: a bare `http.createServer` answering every request with the status, headers and bytes kept
// in the JSON file named on the command line. It runs in its own process, as the production server does, so both
// compete with autocannon (in the bench process) on the same terms.
import fs from "node:fs";
import http from "node:http";

const [file, port] = process.argv.slice(2);
const page = JSON.parse(fs.readFileSync(file, "utf8"));
const body = Buffer.from(page.body, "base64");
const headers = [...page.headers.flat(), "content-length", String(body.length)];
http
  .createServer((_req, res) => {
    res.writeHead(page.status, headers);
    res.end(body);
  })
  .listen(Number(port), "127.0.0.1", () => process.stdout.write("listening\n"));
