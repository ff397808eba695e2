#!/usr/bin/env python3
"""A loopback HTTP proxy that answers OGC/W3C schema URLs from the XSDs bundled in the CITE ets-wfs20 jar.

The conformance suite validates responses against their schema locations (schemas.opengis.net and
www.w3.org), which are unreachable here. Run the suite's JVM with -Dhttp.proxyHost=127.0.0.1 and this
proxy's port: schema requests are served from the jar, anything else gets 404. Requests to our own server
bypass the proxy (Java's default http.nonProxyHosts covers localhost and 127.*).

Usage: schema-proxy.py JAR PORT [API_KEY]

With API_KEY, every request that is not for a schema host is forwarded with an X-API-Key header: the suite then
calls as that system, e.g. a department steward that may write (Transactional WFS is claimed per caller). Java never
sends loopback requests through a proxy, so give the suite a non-loopback address of the server.
"""
import http.server
import sys
import urllib.error
import urllib.request
import zipfile

JAR, PORT = sys.argv[1], int(sys.argv[2])
API_KEY = sys.argv[3] if len(sys.argv) > 3 else None
SCHEMA_HOSTS = ("http://schemas.opengis.net/", "http://www.w3.org/")
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))
BASE = "org/opengis/cite/iso19142/xsd/"
MAP = {
    "/gml/3.2.1/gml.xsd": "opengis/gml/3.2.1/gml-3.2.1.xsd",
    "/wfs/2.0/wfs.xsd": "opengis/wfs/2.0/wfs-2.0.2.xsd",
    "/wfs/2.0.0/wfs.xsd": "opengis/wfs/2.0/wfs-2.0.0.xsd",
    "/ows/1.1.0/owsAll.xsd": "opengis/ows/1.1/ows-1.1.0.xsd",
    "/ows/1.1.0/owsExceptionReport.xsd": "opengis/ows/1.1/ows-1.1.0.xsd",
    "/filter/2.0/filterAll.xsd": "opengis/filter/2.0/filter-2.0.2.xsd",
    "/iso/19139/20070417/gmd/gmd.xsd": "iso/19139/2007/gmd-2007.xsd",
    "/iso/19139/20070417/gco/gco.xsd": "iso/19139/2007/gco-2007.xsd",
    "/iso/19139/20070417/gts/gts.xsd": "iso/19139/2007/gts-2007.xsd",
    "/iso/19139/20070417/gss/gss.xsd": "iso/19139/2007/gss-2007.xsd",
    "/iso/19139/20070417/gsr/gsr.xsd": "iso/19139/2007/gsr-2007.xsd",
    "/XML/2008/06/xlink.xsd": "w3c/2008/06/xlink.xsd",
    "/1999/xlink.xsd": "w3c/2008/06/xlink.xsd",
    "/2001/xml.xsd": "w3c/2009/01/xml.xsd",
    "/2009/01/xml.xsd": "w3c/2009/01/xml.xsd",
}
ZIP = zipfile.ZipFile(JAR)


class Handler(http.server.BaseHTTPRequestHandler):
    def forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        req = urllib.request.Request(self.path, data=body, method=self.command)
        for k, v in self.headers.items():
            if k.lower() not in ("host", "proxy-connection", "connection", "content-length", "keep-alive"):
                req.add_header(k, v)
        req.add_header("X-API-Key", API_KEY)
        try:
            rsp = NO_PROXY.open(req, timeout=120)
        except urllib.error.HTTPError as e:
            rsp = e
        data = rsp.read()
        self.send_response(rsp.status if hasattr(rsp, "status") else rsp.code)
        for k, v in rsp.headers.items():
            if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        if API_KEY and not self.path.startswith(SCHEMA_HOSTS):
            self.forward()
        else:
            self.send_error(404, "not a bundled schema")

    def do_GET(self):
        if API_KEY and not self.path.startswith(SCHEMA_HOSTS):
            self.forward()
            return
        path = self.path
        if path.startswith("http://") or path.startswith("https://"):
            path = "/" + path.split("/", 3)[3] if path.count("/") >= 3 else "/"
        path = path.split("?")[0]
        entry = MAP.get(path)
        if entry is None:
            self.send_error(404, "not a bundled schema")
            return
        data = ZIP.read(BASE + entry)
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        sys.stderr.write("schema-proxy: " + (fmt % args) + "\n")


http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
