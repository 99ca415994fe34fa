package dev.fluxion.examples.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM ({@code bom/pom.xml}, {@code dev.fluxion:fluxion-bom}) names every library module of the build (each
 * module of the root pom that builds a jar, less the benchmarks) at the build's version, so a user project that
 * imports it gets them all at one version.
 */
class BomTest {
    private static final Path ROOT = Path.of(System.getProperty("repository.root", "../.."));

    @Test
    void theBomNamesEveryLibraryModuleAtTheBuildsVersion() throws Exception {
        String version = System.getProperty("project.version");
        Map<String, String> expected = new TreeMap<>();
        for (String module : children(read(ROOT.resolve("pom.xml")).getDocumentElement(), "modules", "module")) {
            Element project = read(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement();
            String packaging = text(project, "packaging", "jar");
            if (packaging.equals("jar") && !module.equals("benchmarks")) {
                expected.put(text(project, "artifactId", null), version);
            }
        }
        Element bom = read(ROOT.resolve("bom/pom.xml")).getDocumentElement();
        assertEquals(version, text(bom, "version", null), "the BOM's own version");
        Map<String, String> listed = new TreeMap<>();
        Element management = child(bom, "dependencyManagement");
        NodeList dependencies = child(management, "dependencies").getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            assertEquals("dev.fluxion", text(dependency, "groupId", null));
            listed.put(text(dependency, "artifactId", null), text(dependency, "version", null));
        }
        assertEquals(List.of("fluxion-dsl", "fluxion-lab", "fluxion-lab-spark", "fluxion-landscapes", "fluxion-optimizers"),
                new ArrayList<>(expected.keySet()), "the library modules of the root pom");
        assertEquals(expected, listed, "the BOM's artifacts and versions");
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element parent, String name, String absent) {
        Element element = child(parent, name);
        return element == null ? absent : element.getTextContent().trim();
    }

    private static List<String> children(Element parent, String list, String item) {
        List<String> names = new ArrayList<>();
        NodeList nodes = child(parent, list).getElementsByTagName(item);
        for (int i = 0; i < nodes.getLength(); i++) {
            names.add(nodes.item(i).getTextContent().trim());
        }
        return names;
    }
}
