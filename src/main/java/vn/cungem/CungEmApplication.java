package vn.cungem;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;
import vn.cungem.shared.config.ProductionDatabaseGuard;
import vn.cungem.shared.config.ProductionMailGuard;
import vn.cungem.student.StudentIdKeyGuard;

@SpringBootApplication
@EnableScheduling
@Modulithic(systemName = "Cùng Em", sharedModules = "shared")
public class CungEmApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The guards are added here, not only in spring.factories, so `java -jar` and tests share one path. */
    public static SpringApplication application() {
        SpringApplication app = new SpringApplication(CungEmApplication.class);
        app.addListeners(new ProductionDatabaseGuard(), new StudentIdKeyGuard(), new ProductionMailGuard());
        return app;
    }
}
