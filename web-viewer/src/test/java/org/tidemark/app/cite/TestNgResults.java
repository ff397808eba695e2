package org.tidemark.app.cite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The counts and outcomes of one run of a TestNG-based OGC executable test suite, read from its
 * {@code testng-results.xml}. The suite's own exit code says nothing (it is 0 even when tests fail), so this file
 * is the verdict.
 *
 * @param total      all test methods the suite reported
 * @param passed     test methods that passed
 * @param failed     test methods that failed (configuration methods are not counted, as in TestNG)
 * @param skipped    test methods that were skipped
 * @param outcomes   every test method (not configuration) with its class, status and message
 * @param configFailures failed configuration methods ({@code @BeforeClass} checks of a conformance class):
 *                   each one skips the tests it guards, so they must be limited to classes we do not claim
 */
record TestNgResults(int total, int passed, int failed, int skipped, List<Outcome> outcomes, List<Outcome> configFailures) {

    /** One test or configuration method run. */
    record Outcome(String className, String method, String status, String message) {
        String simpleClassName() {
            return className.substring(className.lastIndexOf('.') + 1);
        }

        @Override
        public String toString() {
            return simpleClassName() + "." + method + " " + status + (message.isEmpty() ? "" : ": " + message);
        }
    }

    /** Reads a {@code testng-results.xml} (no DTDs, no external entities). */
    static TestNgResults read(Path file) throws IOException {
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            doc = f.newDocumentBuilder().parse(in);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("unreadable TestNG results " + file, e);
        }
        Element root = doc.getDocumentElement();
        List<Outcome> outcomes = new ArrayList<>();
        List<Outcome> configFailures = new ArrayList<>();
        NodeList classes = root.getElementsByTagName("class");
        for (int i = 0; i < classes.getLength(); i++) {
            Element cls = (Element) classes.item(i);
            NodeList methods = cls.getElementsByTagName("test-method");
            for (int j = 0; j < methods.getLength(); j++) {
                Element m = (Element) methods.item(j);
                Outcome o = new Outcome(cls.getAttribute("name"), m.getAttribute("name"), m.getAttribute("status"), message(m));
                if ("true".equals(m.getAttribute("is-config"))) {
                    if ("FAIL".equals(o.status())) configFailures.add(o);
                } else {
                    outcomes.add(o);
                }
            }
        }
        return new TestNgResults(count(root, "total"), count(root, "passed"), count(root, "failed"), count(root, "skipped"),
                List.copyOf(outcomes), List.copyOf(configFailures));
    }

    List<Outcome> failures() {
        return outcomes.stream().filter(o -> "FAIL".equals(o.status())).toList();
    }

    /** Passed test methods per test class (simple name), for checking that a claimed conformance class ran. */
    Map<String, Integer> passesByClass() {
        Map<String, Integer> out = new TreeMap<>();
        for (Outcome o : outcomes) if ("PASS".equals(o.status())) out.merge(o.simpleClassName(), 1, Integer::sum);
        return out;
    }

    /** Skip reasons (test class and the suite's message) with their counts, in name order. */
    Map<String, Integer> skipReasons() {
        Map<String, Integer> out = new TreeMap<>();
        for (Outcome o : outcomes) {
            if ("SKIP".equals(o.status())) out.merge(o.simpleClassName() + ": " + (o.message().isEmpty() ? "(class not claimed or guard failed)" : o.message()), 1, Integer::sum);
        }
        return out;
    }

    String summary() {
        return "ets-wfs20 1.25: total=" + total + " passed=" + passed + " failed=" + failed + " skipped=" + skipped;
    }

    private static int count(Element root, String attribute) {
        String v = root.getAttribute(attribute);
        return v.isEmpty() ? 0 : Integer.parseInt(v);
    }

    private static String message(Element method) {
        NodeList messages = method.getElementsByTagName("message");
        if (messages.getLength() == 0) return "";
        String text = messages.item(0).getTextContent().strip().replaceAll("\\s+", " ");
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
