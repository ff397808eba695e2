package org.tidemark.app.interop;

/**
 * The OWSLib client the interop test writes to a temporary directory and runs under {@code /usr/bin/python3}.
 * Each sub-command prints one JSON object; the Java test makes the assertions. Coordinates are read from the
 * first {@code gml:pos}/{@code gml:posList} of a response, exactly as the server wrote them (no client-side
 * axis swapping).
 */
final class OwslibScript {
    private OwslibScript() {}

    static final String SOURCE = """
            import json, re, sys
            from urllib.parse import quote

            def first_pair(body):
                m = re.search(rb'<gml:(?:pos|posList)[^>]*>\\s*([-+0-9.eE]+)\\s+([-+0-9.eE]+)', body)
                return [float(m.group(1)), float(m.group(2))] if m else None

            def matched(body):
                m = re.search(rb'(?:numberMatched|numberOfFeatures)="([0-9]+)"', body)
                return int(m.group(1)) if m else None

            def wms(base, version, png, lon, lat):
                from owslib.wms import WebMapService
                s = WebMapService(base + '/wms', version=version, timeout=60)
                # OWSLib takes (minx, miny, maxx, maxy) in lon/lat and swaps them itself for 1.3.0 + EPSG:4326
                img = s.getmap(layers=['land', 'roads'], styles=['', ''], srs='EPSG:4326',
                               bbox=(121.5, 28.8, 122.3, 29.8), size=(256, 256), format='image/png')
                with open(png, 'wb') as f:
                    f.write(img.read())
                d = 0.002
                info = s.getfeatureinfo(layers=['place_names'], styles=[''], srs='EPSG:4326',
                                        bbox=(lon - d, lat - d, lon + d, lat + d), size=(101, 101), format='image/png',
                                        query_layers=['place_names'], info_format='application/json', xy=(50, 50))
                features = json.loads(info.read()).get('features', [])
                return {'layers': sorted(s.contents), 'contentType': img.info().get('Content-Type'),
                        'infoNames': [f.get('properties', {}).get('name_en') for f in features]}

            def wfs(base, version, minx, miny, maxx, maxy):
                from owslib.wfs import WebFeatureService
                from owslib.util import openURL
                s = WebFeatureService(base + '/wfs', version=version, timeout=60)
                out = {'types': sorted(s.contents)}
                urn = 'urn:ogc:def:crs:EPSG::4326'
                if version == '2.0.0':
                    out['defaultFirst'] = first_pair(s.getfeature(typename=['tm:place_names'], maxfeatures=1).read())
                    # OWSLib 0.27 has no srsname argument for 2.0.0: add SRSNAME to the URL OWSLib builds
                    url = s.getGETGetFeatureRequest(['tm:place_names'], None, None, None, None, None, 1, None, {},
                                                    None, 'Get', None, None)
                    out['urnFirst'] = first_pair(openURL(url + '&SRSNAME=' + quote(urn), None, 'Get', timeout=60).read())
                else:
                    out['urnFirst'] = first_pair(s.getfeature(typename=['tm:place_names'], maxfeatures=1, srsname=urn).read())
                    out['epsgFirst'] = first_pair(s.getfeature(typename=['tm:place_names'], maxfeatures=1,
                                                               srsname='EPSG:4326').read())
                # bbox given lon/lat; OWSLib writes it lat/lon because the urn CRS is north-east
                body = s.getfeature(typename=['tm:place_names'], bbox=(minx, miny, maxx, maxy, urn), maxfeatures=1000).read()
                out['bboxMatched'] = matched(body)
                out['bboxMembers'] = len(re.findall(rb'<tm:place_names ', body))
                return out

            def ogcapi(base):
                from owslib.ogcapi.features import Features
                f = Features(base + '/ogc', timeout=60)
                items = f.collection_items('roads', limit=5)
                return {'collections': [c['id'] for c in f.collections()['collections']],
                        'conformance': f.conformance().get('conformsTo', []),
                        'roadsMatched': items.get('numberMatched'), 'roadsReturned': len(items['features'])}

            cmd, args = sys.argv[1], sys.argv[2:]
            if cmd == 'wms':
                result = wms(args[0], args[1], args[2], float(args[3]), float(args[4]))
            elif cmd == 'wfs':
                result = wfs(args[0], args[1], *map(float, args[2:6]))
            else:
                result = ogcapi(args[0])
            print('RESULT ' + json.dumps(result))
            """;
}
