"""compare.md, compiled by Jinja 3.1.6. Written by ``python -m generator.precompiled``: do not edit."""

FINGERPRINT = "1ed65b57983b08120a4692fbca657f18d53c6453804a32669d23df5cb26cc260"
JINJA = "3.1.6"

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'compare.md'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0__ = resolve('_')
    l_0_statement = resolve('statement')
    l_0_choices = resolve('choices')
    l_0_messages = resolve('messages')
    try:
        t_1 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_2 = environment.filters['tojson']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'tojson' found.")
    pass
    yield '# '
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Compare versions of the %(title)s', title=t_1(environment.getattr((undefined(name='statement') if l_0_statement is missing else l_0_statement), 'title')))))
    yield '\n\n'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Pick any two versions to see what changed between them. The comparison is made in your browser from the published text of each version, and the address of this page follows your choice, so you can share it.')))
    yield '\n\n<div class="statement-compare" data-statement-compare data-statement="'
    yield escape(environment.finalize(environment.getattr((undefined(name='statement') if l_0_statement is missing else l_0_statement), 'id')))
    yield '" data-versions=\''
    yield escape(environment.finalize(t_2(context.eval_ctx, (undefined(name='choices') if l_0_choices is missing else l_0_choices))))
    yield "'"
    if (undefined(name='messages') if l_0_messages is missing else l_0_messages):
        pass
        yield " data-messages='"
        yield escape(environment.finalize(t_2(context.eval_ctx, (undefined(name='messages') if l_0_messages is missing else l_0_messages))))
        yield "'"
    yield '>\n<div class="statement-compare__panel">\n<form class="statement-compare__pickers" action="" method="get" aria-label="'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Versions to compare')))
    yield '">\n<div class="statement-compare__field">\n<label for="compare-from">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'From the version effective')))
    yield '</label>\n<select id="compare-from" name="from">\n'
    for l_1_choice in (undefined(name='choices') if l_0_choices is missing else l_0_choices):
        l_1_defaults = resolve('defaults')
        _loop_vars = {}
        pass
        yield '<option value="'
        yield escape(environment.finalize(environment.getattr(l_1_choice, 'value')))
        yield '"'
        if (environment.getattr(l_1_choice, 'value') == environment.getattr((undefined(name='defaults') if l_1_defaults is missing else l_1_defaults), 'from')):
            pass
            yield ' selected'
        yield '>'
        yield escape(environment.finalize(environment.getattr(l_1_choice, 'label')))
        yield '</option>\n'
    l_1_choice = l_1_defaults = missing
    yield '</select>\n</div>\n<button type="button" class="statement-compare__swap" data-compare-swap aria-label="'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Swap the two versions')))
    yield '"><span aria-hidden="true">&#8644;</span> '
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Swap')))
    yield '</button>\n<div class="statement-compare__field">\n<label for="compare-to">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'To the version effective')))
    yield '</label>\n<select id="compare-to" name="to">\n'
    for l_1_choice in (undefined(name='choices') if l_0_choices is missing else l_0_choices):
        l_1_defaults = resolve('defaults')
        _loop_vars = {}
        pass
        yield '<option value="'
        yield escape(environment.finalize(environment.getattr(l_1_choice, 'value')))
        yield '"'
        if (environment.getattr(l_1_choice, 'value') == environment.getattr((undefined(name='defaults') if l_1_defaults is missing else l_1_defaults), 'to')):
            pass
            yield ' selected'
        yield '>'
        yield escape(environment.finalize(environment.getattr(l_1_choice, 'label')))
        yield '</option>\n'
    l_1_choice = l_1_defaults = missing
    yield '</select>\n</div>\n<noscript><button type="submit">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Compare')))
    yield '</button></noscript>\n</form>\n<div class="statement-compare__controls" data-compare-controls hidden>\n<fieldset>\n<legend>'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'View')))
    yield '</legend>\n<label><input type="radio" name="compare-view" value="inline" checked> '
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Inline')))
    yield '</label>\n<label><input type="radio" name="compare-view" value="side-by-side"> '
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Side by side')))
    yield '</label>\n</fieldset>\n<label><input type="checkbox" data-compare-only> '
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Only changed passages')))
    yield '</label>\n<label><input type="checkbox" data-compare-formatting> '
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Mark formatting-only changes')))
    yield '</label>\n</div>\n</div>\n<p class="statement-compare__notice" data-compare-notice hidden></p>\n<p class="statement-compare__status" role="status" aria-live="polite" data-compare-status></p>\n<div class="statement-compare__result redline-views" data-compare-result hidden>\n<p class="statement-print-only statement-print-ref" data-compare-print></p>\n<h2 id="comparison" data-compare-title>'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Comparison')))
    yield '</h2>\n<p class="statement-compare__summary" data-compare-summary></p>\n<nav class="statement-links" aria-label="'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'This comparison')))
    yield '"><ul class="statement-plain-list" data-compare-links></ul></nav>\n<p class="redline-legend">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), '<del>Deleted text</del> is struck through and <ins>inserted text</ins> underlined; screen readers announce each.')))
    yield '</p>\n<div class="redline redline-inline" data-compare-inline></div>\n<div class="redline redline-side-by-side" data-compare-side-by-side hidden></div>\n</div>\n<noscript>\n<p>'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Comparing two chosen versions needs JavaScript. Without it, each version\'s "What changed" page shows its changes against the version before it:')))
    yield '</p>\n<ul>\n'
    def t_3(fiter):
        for l_1_choice in fiter:
            if environment.getattr(l_1_choice, 'changes'):
                yield l_1_choice
    for l_1_choice in t_3((undefined(name='choices') if l_0_choices is missing else l_0_choices)):
        _loop_vars = {}
        pass
        yield '<li><a href="'
        yield escape(environment.finalize(environment.getattr(l_1_choice, 'changes')))
        yield '">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'What changed on %(date)s', date=environment.getattr(l_1_choice, 'label'), _loop_vars=_loop_vars)))
        yield '</a></li>\n'
    l_1_choice = missing
    yield '</ul>\n</noscript>\n</div>'

blocks = {}
debug_info = '1=28&3=30&5=32&7=42&9=44&11=46&12=51&16=61&18=65&20=67&21=72&25=82&29=84&30=86&31=88&33=90&34=92&41=94&43=96&44=98&49=100&51=102&52=110'
