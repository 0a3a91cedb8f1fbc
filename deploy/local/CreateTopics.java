import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * kafka.sh's topic creation in one JVM (one TopicCommand per topic cost a JVM start each):
 * java -cp 'kafka-libs/*' CreateTopics.java BOOTSTRAP NAME:PARTITIONS ... Existing topics are left as they are; any other
 * failure to create one ends the program with an exception (a non-zero exit).
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        Properties config = new Properties();
        config.put("bootstrap.servers", args[0]);
        List<NewTopic> wanted = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String[] spec = args[i].split(":");
            wanted.add(new NewTopic(spec[0], Integer.parseInt(spec[1]), (short) 1));
        }
        try (Admin admin = Admin.create(config)) {
            for (KafkaFuture<Void> created : admin.createTopics(wanted).values().values()) {
                try {
                    created.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            System.out.println("topics: " + wanted.stream().map(NewTopic::name).toList());
        }
    }
}
