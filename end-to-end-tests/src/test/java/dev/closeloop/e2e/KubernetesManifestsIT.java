package dev.closeloop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.closeloop.localstack.Service;
import dev.closeloop.localstack.StackConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * {@code k8s/} renders with kustomize (offline) into objects the Kubernetes model can read, with one
 * Deployment per service wired to the database, the broker and its secrets.
 */
class KubernetesManifestsIT {

    static final Path REPO = StackConfig.findRepoRoot(Path.of(""));

    @Test
    void quarkusGeneratedADeploymentAndServiceForEveryService() throws Exception {
        for (Service service : Service.values()) {
            Path generated = REPO.resolve("k8s/generated").resolve(service.moduleName()).resolve("kubernetes.yml");
            assertThat(generated).as("generated at package time").exists();
            List<HasMetadata> objects = parse(Files.readString(generated));
            assertThat(objects).extracting(HasMetadata::getKind).contains("Deployment", "Service");
        }
    }

    @Test
    void kustomizeRendersTheWholeSuite() throws Exception {
        assumeTrue(kubectlAvailable(), "kubectl is not installed: .ci/run renders k8s/ where it is");
        Process kustomize = new ProcessBuilder("kubectl", "kustomize", REPO.resolve("k8s").toString())
                .redirectErrorStream(true).start();
        String rendered = new String(kustomize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kustomize.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kustomize.exitValue()).as(rendered).isZero();

        List<HasMetadata> objects = parse(rendered);
        Map<String, HasMetadata> deployments = objects.stream().filter(o -> o instanceof Deployment)
                .collect(Collectors.toMap(o -> o.getMetadata().getName(), o -> o));
        for (Service service : Service.values()) {
            assertThat(deployments).containsKey(service.moduleName());
            Container container = ((Deployment) deployments.get(service.moduleName())).getSpec().getTemplate()
                    .getSpec().getContainers().get(0);
            assertThat(container.getEnv()).extracting(EnvVar::getName)
                    .contains("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_PASSWORD");
            assertThat(container.getEnv()).filteredOn(env -> env.getName().equals("QUARKUS_DATASOURCE_JDBC_URL"))
                    .extracting(EnvVar::getValue).containsExactly(
                            "jdbc:postgresql://closeloop-postgres:5432/" + service.database());
            assertThat(container.getReadinessProbe()).as("%s readiness probe", service).isNotNull();
            assertThat(container.getLivenessProbe()).as("%s liveness probe", service).isNotNull();
        }
        assertThat(((Deployment) deployments.get("escalation-engine")).getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv()).extracting(EnvVar::getName)
                .as("the key that signs acknowledge links, from its Secret").contains("CLOSELOOP_ACTION_LINKS_SECRET")
                .as("the key that encrypts console sessions, from its Secret")
                .contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY");
        assertThat(((Deployment) deployments.get("escalation-engine")).getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv()).extracting(EnvVar::getName)
                .as("the console hands browsers the VAPID public key, never the private one")
                .contains("CLOSELOOP_PUSH_VAPID_PUBLIC_KEY").doesNotContain("CLOSELOOP_PUSH_VAPID_PRIVATE_KEY");
        assertThat(((Deployment) deployments.get("notification-service")).getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv()).extracting(EnvVar::getName)
                .as("the VAPID pair that signs pushes, from the closeloop-web-push Secret")
                .contains("CLOSELOOP_PUSH_VAPID_PUBLIC_KEY", "CLOSELOOP_PUSH_VAPID_PRIVATE_KEY");
        for (String service : List.of("escalation-engine", "recording-service")) {
            assertThat(((Deployment) deployments.get(service)).getSpec().getTemplate().getSpec().getContainers()
                    .get(0).getEnv()).filteredOn(env -> env.getName().equals("CLOSELOOP_INTERNAL_TOKEN"))
                    .as("%s: the internal API token, from its Secret", service).singleElement()
                    .satisfies(env -> assertThat(env.getValueFrom().getSecretKeyRef().getName())
                            .isEqualTo("closeloop-internal"));
        }
        assertThat(((Deployment) deployments.get("escalation-engine")).getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv())
                .filteredOn(env -> env.getName().equals("QUARKUS_REST_CLIENT_RECORDINGS_URL"))
                .extracting(EnvVar::getValue).as("the recording-service's Service").containsExactly(
                        "http://recording-service");
        assertThat(objects).extracting(o -> o.getKind() + "/" + o.getMetadata().getName()).contains(
                "StatefulSet/closeloop-postgres", "StatefulSet/closeloop-broker", "ConfigMap/closeloop-config",
                "Secret/closeloop-db", "Secret/closeloop-api-keys", "Secret/closeloop-directory",
                "Secret/closeloop-action-links", "Secret/closeloop-web-push", "Secret/closeloop-console",
                "Secret/closeloop-internal",
                "PersistentVolumeClaim/closeloop-recordings");
        assertThat(objects).allSatisfy(o -> {
            if (!o.getKind().equals("Namespace")) {
                assertThat(o.getMetadata().getNamespace()).isEqualTo("closeloop");
            }
        });
    }

    private static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            Object parsed = Serialization.unmarshal(
                    new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
            if (parsed instanceof KubernetesList list) {
                objects.addAll(list.getItems());
            } else if (parsed instanceof HasMetadata object) {
                objects.add(object);
            }
        }
        return objects;
    }

    private static boolean kubectlAvailable() {
        try {
            return new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start()
                    .waitFor(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }
}
