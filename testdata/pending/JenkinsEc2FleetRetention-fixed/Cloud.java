/**
 * Jenkins core 2.73.3, hudson.slaves.Cloud (provision and the descriptor dropped).
 */
public abstract class Cloud {

    public final String name;

    protected Cloud(String name) {
        this.name = name;
    }
}
