package org.guildhall.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that the build made, as Arquillian deploys it (context root "/" from ibm-web-ext.xml). */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive guildhall() {
        File war = new File("target/guildhall.war");
        if (!war.isFile()) {
            throw new IllegalStateException("target/guildhall.war is missing: run the integration tests with 'mvn verify'");
        }
        return ShrinkWrap.create(ZipImporter.class, "guildhall.war").importFrom(war).as(WebArchive.class);
    }

    /** The WAR plus what an in-container test needs (its classes and AssertJ). */
    public static WebArchive guildhallWithTest(Class<?>... testClasses) {
        WebArchive archive = guildhall().addClasses(testClasses).addClass(Deployments.class);
        try {
            File assertj = new File(org.assertj.core.api.Assertions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return archive.addAsLibrary(assertj);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
