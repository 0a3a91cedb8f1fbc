import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * kafka.sh's readiness check and topic creation, in one JVM (one TopicCommand per topic cost a JVM start each):
 * <pre>
 *   java -cp 'kafka-libs/*' BrokerReady.java BOOTSTRAP SECONDS BROKER_PID NAME:PARTITIONS ...
 * </pre>
 * A listening port proves little: the broker binds it before it has registered with its controller, and after an
 * unclean stop that registration can be refused for a while. So this waits until the broker answers and lists itself
 * among the live brokers (it serves requests only once registered and unfenced), creates the topics it lacks (existing
 * ones are left as they are), then waits until every partition of every topic, the internal ones included, is led by a
 * live broker: what producers and consumers need. Exits non-zero, with the reason, when the broker process exits or
 * the seconds run out.
 */
public class BrokerReady {
    private final Admin admin;
    private final ProcessHandle broker;
    private final long deadline;

    private BrokerReady(Admin admin, ProcessHandle broker, long deadline) {
        this.admin = admin;
        this.broker = broker;
        this.deadline = deadline;
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(Long.parseLong(args[1]));
        ProcessHandle broker = ProcessHandle.of(Long.parseLong(args[2]))
                .orElseThrow(() -> new IllegalStateException("the broker (pid " + args[2] + ") is not running"));
        List<NewTopic> wanted = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] spec = args[i].split(":");
            wanted.add(new NewTopic(spec[0], Integer.parseInt(spec[1]), (short) 1));
        }
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        try (Admin admin = Admin.create(config)) {
            BrokerReady ready = new BrokerReady(admin, broker, deadline);
            Set<Integer> live = ready.await("the broker to register and answer", ready::liveBrokers);
            ready.create(wanted);
            Set<String> names = new HashSet<>(wanted.stream().map(NewTopic::name).toList());
            ready.await("every partition to have a leader", () -> ready.leaderless(live, names));
            System.out.printf("live brokers %s, topics %s: ready after %.1f s%n", live,
                    wanted.stream().map(NewTopic::name).toList(), (System.nanoTime() - started) / 1e9);
        }
    }

    /** A check: the value once it holds, or empty with what it still waits for. */
    private record Check<T>(Optional<T> value, String waitingFor) {
        static <T> Check<T> holds(T value) {
            return new Check<>(Optional.of(value), "");
        }

        static <T> Check<T> not(String waitingFor) {
            return new Check<>(Optional.empty(), waitingFor);
        }
    }

    private <T> T await(String what, Supplier<Check<T>> check) throws InterruptedException {
        String last = "";
        while (true) {
            Check<T> result = check.get();
            if (result.value().isPresent()) {
                return result.value().get();
            }
            last = result.waitingFor();
            if (!broker.isAlive()) {
                throw new IllegalStateException("the broker exited while waiting for " + what + " (" + last + ")");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what + " (" + last + ")");
            }
            Thread.sleep(250);
        }
    }

    private Check<Set<Integer>> liveBrokers() {
        try {
            Set<Integer> ids = new HashSet<>();
            for (Node node : admin.describeCluster().nodes().get(5, TimeUnit.SECONDS)) {
                ids.add(node.id());
            }
            return ids.isEmpty() ? Check.not("no live broker listed") : Check.holds(ids);
        } catch (Exception e) {
            return Check.not(String.valueOf(e));
        }
    }

    private void create(List<NewTopic> wanted) throws Exception {
        for (KafkaFuture<Void> created : admin.createTopics(wanted).values().values()) {
            try {
                created.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Holds once the wanted topics are listed and every partition of every topic has a leader among the live brokers;
     * else says what is missing.
     */
    private Check<Boolean> leaderless(Set<Integer> live, Set<String> wanted) {
        try {
            Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(5, TimeUnit.SECONDS);
            for (String name : wanted) {
                if (!names.contains(name)) {
                    return Check.not(name + " is not listed yet");
                }
            }
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(5, TimeUnit.SECONDS);
            for (TopicDescription topic : topics.values()) {
                for (TopicPartitionInfo partition : topic.partitions()) {
                    Node leader = partition.leader();
                    if (leader == null || leader.isEmpty() || !live.contains(leader.id())) {
                        return Check.not(topic.name() + "-" + partition.partition() + " has no live leader");
                    }
                }
            }
            return Check.holds(true);
        } catch (Exception e) {
            return Check.not(String.valueOf(e));
        }
    }
}
