package dev.hugginggpt.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Health checks and metrics answer on the management interface's port only; the API's port, the one clients and the
 * Kubernetes Service reach, serves the API and the document that describes it, not the service's insides.
 */
@QuarkusTest
class ManagementInterfaceTest {
    @TestHTTPResource(value = "/health/ready", management = true) // under the management root, /q
    URL ready;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void healthAndMetricsAnswerOnTheManagementPort() {
        given().when().get(ready).then().statusCode(200);
        given().when().get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    /** Unknown there: 404, or 401 from the API's key check when no key is sent. */
    @Test
    void theApiPortServesNeitherHealthNorMetrics() {
        for (String path : new String[] {"/q/metrics", "/q/health", "/q/health/ready", "/q/health/live"}) {
            given().when().get(path).then().statusCode(401);
            given().header("X-API-Key", "key-a").when().get(path).then().statusCode(404);
        }
    }

    @Test
    void theOpenApiDocumentAndSwaggerUiStayBesideTheApi() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body(containsString("/v1/requests"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
