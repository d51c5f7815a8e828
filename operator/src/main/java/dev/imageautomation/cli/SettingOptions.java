package dev.imageautomation.cli;

import dev.imageautomation.config.OperatorSetting;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Adds one command-line option per {@link OperatorSetting}, so each setting is declared once (in the enum) and still
 * appears in {@code operator --help} with its environment variable and default.
 */
public final class SettingOptions implements IModelTransformer {

  @Override
  public CommandSpec transform(CommandSpec spec) {
    for (OperatorSetting setting : OperatorSetting.values()) {
      spec.addOption(optionFor(setting));
    }
    return spec;
  }

  private static OptionSpec optionFor(OperatorSetting setting) {
    OptionSpec.Builder option =
        OptionSpec.builder(setting.flag())
            .type(String.class)
            .paramLabel(setting.isSwitch() ? "true|false" : "<value>")
            .description(
                setting.description(),
                "Env: " + setting.environmentVariable() + ". Default: "
                    + (setting.defaultValue().isEmpty() ? "(none)" : setting.defaultValue()) + ".");
    if (setting.isSwitch()) {
      // --enable-leader-election alone means true; --enable-leader-election=false turns it off, as with Go's pflag
      option.arity("0..1").fallbackValue("true");
    } else {
      option.arity("1");
    }
    return option.build();
  }

  /** The settings the user gave on the command line, as raw strings for {@code OperatorConfig.from}. */
  static Map<OperatorSetting, String> givenIn(ParseResult parsed) {
    Map<OperatorSetting, String> given = new EnumMap<>(OperatorSetting.class);
    for (OperatorSetting setting : OperatorSetting.values()) {
      if (parsed != null && parsed.hasMatchedOption(setting.flag())) {
        given.put(setting, parsed.matchedOptionValue(setting.flag(), ""));
      }
    }
    return given;
  }
}
