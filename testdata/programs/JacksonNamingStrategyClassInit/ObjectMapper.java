package jackson.databind;

/** Stands for the mapper's configuration: the naming strategy a user sets, the default one else. */
public class ObjectMapper {
  private PropertyNamingStrategy naming = new PropertyNamingStrategy();

  public ObjectMapper setPropertyNamingStrategy(PropertyNamingStrategy naming) {
    this.naming = naming;
    return this;
  }

  public String propertyName(String field) {
    return naming.nameForField(field);
  }
}
