package io.carbon4j.examples.docs;

/**
 * The names documentation snippets may use without declaring them: statement snippets are compiled as the body
 * of a method of a subclass, and every snippet imports this package, so "your code" can be written as
 * {@code train()} or {@code model}.
 */
public abstract class DocContext {

    protected int epochs = 3;
    protected Model model = new Model();
    protected Data data = new Data();
    protected java.util.List<String> records = java.util.List.of("a", "b");

    protected void train() {}

    protected void validate() {}

    protected void process(String record) {}

    protected void doWork() {}

    /** The application's model, for the library examples. */
    protected io.carbon4j.examples.library.Trainer.Model myModel() {
        return new io.carbon4j.examples.library.Trainer.Model() {
            @Override
            public double trainEpoch() {
                return 0;
            }

            @Override
            public double evaluate() {
                return 1;
            }
        };
    }
}
