import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Jenkins core 2.73.3, hudson.model.Hudson: the deprecated subclass that is the singleton's class
 * (the dump's "locked hudson.model.Hudson"), and its CloudList (a DescribableList in the real code).
 */
public class Hudson extends Jenkins {

    public Hudson() {
        super();
    }

    public static final class CloudList extends CopyOnWriteArrayList<Cloud> {
        public CloudList(Jenkins h) {
        }

        public Cloud getByName(String name) {
            for (Cloud c : this)
                if (c.name.equals(name))
                    return c;
            return null;
        }
    }
}
